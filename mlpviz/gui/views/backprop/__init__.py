"""The Backpropagation tab: one example forward and back, card by card, and the update on a copy."""
from .question import Guess, GuessQuestion
from .view import BackpropView

__all__ = ["BackpropView", "Guess", "GuessQuestion"]
