"""What each card's array is and why, for its What's This: one text per kind of card (the
Walkthrough's Card.kind), and a note for the card a course mistake changes."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "BackpropView"

KINDS = {
    "x": QT_TRANSLATE_NOOP("BackpropView", "<b>x: the input</b><p>The example's pixels scaled to 0–1 and laid out "
                           "as one row: a batch of N = 1 example. Everything after it is computed from x and the "
                           "network's weights.</p>"),
    "a": QT_TRANSLATE_NOOP("BackpropView", "<b>a: the pre-activation</b><p>Each unit adds up what comes from the "
                           "layer below, every input times its weight, plus its bias: a = z·W + b (x in the first "
                           "layer). Point at an entry to see its largest terms.</p>"),
    "z": QT_TRANSLATE_NOOP("BackpropView", "<b>z: the activation</b><p>The activation function applied to each "
                           "unit's pre-activation on its own. z is what the next layer receives, and what its "
                           "weights' gradients will be multiplied by on the way back.</p>"),
    "y": QT_TRANSLATE_NOOP("BackpropView", "<b>y: softmax</b><p>The output layer's pre-activations turned into "
                           "probabilities: exp(a − C) / Σ exp(a − C), where subtracting C = max(a) keeps exp from "
                           "overflowing and changes nothing else. They are positive and add up to 1.</p>"),
    "E": QT_TRANSLATE_NOOP("BackpropView", "<b>E: the loss</b><p>One number for how wrong the network is on this "
                           "example: with cross-entropy −log of the probability given to the label t, with the squared "
                           "error half the squared distance between y and t. Training lowers it.</p>"),
    "e": QT_TRANSLATE_NOOP("BackpropView", "<b>∂E/∂y</b><p>With the squared error, the loss's gradient with respect "
                           "to the probabilities: (y − t)/N. To reach the output layer's pre-activation it must still "
                           "pass back through softmax, by its Jacobian J.</p>"),
    "J": QT_TRANSLATE_NOOP("BackpropView", "<b>J: softmax's Jacobian</b><p>How each probability y_j moves when a "
                           "pre-activation a_i moves: y_i(δ_ij − y_j). Cross-entropy never needs it, as its gradient "
                           "simplifies to y − t; the squared error does.</p>"),
    "dy": QT_TRANSLATE_NOOP("BackpropView", "<b>dy: the gradient at the output</b><p>∂E/∂a at the output layer, "
                            "where backpropagation starts. With softmax and cross-entropy it is simply (y − t)/N: "
                            "positive where the network gives too much probability, negative at the label.</p>"),
    "dW": QT_TRANSLATE_NOOP("BackpropView", "<b>dW: the weights' gradient</b><p>How the loss changes with each "
                            "weight: the input that weight multiplied on the way forward times the gradient that "
                            "arrived at its unit on the way back, dW = zᵀ·δ. A weight whose input was 0 gets no "
                            "gradient.</p>"),
    "db": QT_TRANSLATE_NOOP("BackpropView", "<b>db: the bias gradient</b><p>A bias is added once to its unit, so "
                            "its gradient is the gradient at the unit's pre-activation, summed over the N examples."
                            "</p>"),
    "m": QT_TRANSLATE_NOOP("BackpropView", "<b>m: the dropout mask</b><p>The step this mini-batch image was "
                           "learned in switched some hidden units off at random: m is 0 for a dropped unit and "
                           "1 / (1 − rate) for a kept one, so the layer above receives z ⊙ m, as large on average "
                           "as z. A dropped unit passed nothing up, so no gradient comes back to it (dz ⊙ m).</p>"),
    "dz": QT_TRANSLATE_NOOP("BackpropView", "<b>dz: the gradient at a hidden layer's output</b><p>Each unit sent "
                            "its activation to every unit above through a weight; the gradient comes back along the "
                            "same weights, dz = δ·Wᵀ: a sum over the units above. Point at an entry to see its "
                            "largest terms.</p>"),
    "da": QT_TRANSLATE_NOOP("BackpropView", "<b>da: the gradient at a hidden layer's input</b><p>The chain rule: "
                            "the gradient at the unit's output times the activation's slope at its input, "
                            "σ′(a) ⊙ dz, unit by unit. Where σ′ is near 0 (a saturated sigmoid, a ReLU below 0) "
                            "the unit passes almost nothing back.</p>"),
    "dx": QT_TRANSLATE_NOOP("BackpropView", "<b>dx: the input's gradient</b><p>Training does not need it, as "
                            "pixels are not learned, but it shows which pixels would change the loss most: the same "
                            "rule as dz, one layer further down.</p>"),
    "W": QT_TRANSLATE_NOOP("BackpropView", "<b>The weights' update</b><p>Gradient descent: every weight takes a "
                           "small step against its gradient, W ← W − η·dW, η being the learning rate. Shown: the "
                           "amount subtracted, η·dW. Apply it below to see what it does to this example.</p>"),
    "b": QT_TRANSLATE_NOOP("BackpropView", "<b>The biases' update</b><p>The same step for the biases: "
                           "b ← b − η·db. Shown: the amount subtracted, η·db.</p>"),
}

MISTAKES = {
    "w_update": QT_TRANSLATE_NOOP("BackpropView", "<p><b>The mistake:</b> W1 − η·W1 subtracts the weights "
                                  "themselves instead of their gradient, so every weight of the first layer shrinks "
                                  "by the factor 1 − η whatever the example, and nothing is learned. Beside it: what "
                                  "the right update η·dW1 subtracts. Apply it and the weights' size falls by η·100%."
                                  "</p>"),
    "db1": QT_TRANSLATE_NOOP("BackpropView", "<p><b>The mistake:</b> db1 summed from dz1, the gradient at the "
                             "layer's output, skips the activation's slope σ′(a1). A gradient check finds it. "
                             "Beside it (grey): the right db1 = Σ da1.</p>"),
}


HELP = QT_TRANSLATE_NOOP(
    "BackpropView",
    "<b>Backpropagation, card by card</b><p>One example goes forward through the network (a = z·W + b, "
    "z = σ(a), y = softmax(a), the loss E), then back (dy = (y − t)/N, dW = zᵀ·δ, db, dz = δ·Wᵀ, "
    "da = σ′(a) ⊙ dz, down to dW1 = xᵀ·da1), and then every parameter takes its step W ← W − η·dW. Each "
    "card shows its formula, the NumPy line that computes it, its shape and its values; point at a number "
    "to see the numbers it came from, and check any gradient against a numerical one.</p>"
    "<p><b>Keys</b> (with the view clicked): Down/Up, J/K or Page Down/Page Up for the next and previous "
    "card, Home/End for the first and last, P to play or pause. Space and Right still start and step "
    "training.</p>"
    "<p><b>The numbers hold still.</b> The cards are computed again when the example, its label, η or the "
    "mistake changes, and for a new network only while training is paused, so that a single step "
    "(Right) shows its new weights at once; while training runs, with <i>Hold this network</i> ticked, "
    "or after an update applied here, they keep the network they have until you press <i>Take the "
    "latest</i>.</p>"
    "<p><b>Apply update</b> tries the update on a float64 copy, for this example or the last "
    "mini-batch: training's own network never changes here. The cards then show the network after it; "
    "Undo goes back. Changing the example, the label, η or the mistake goes back to the network "
    "followed.</p><p><b>The mistakes</b> are the course notebook's two: W1 − η·W1, which shrinks the "
    "weights instead of learning, and db1 summed from dz1, which a gradient check catches.</p>")

POINT = QT_TRANSLATE_NOOP("BackpropView", "<p>Point at a number to see the numbers it was computed from.</p>")


def explanation(kind: str, mistaken: str | None = None) -> str:
    """The What's This text of a card of `kind` in the user's language; mistaken: the course
    mistake that changes this card, if one does."""
    text = QCoreApplication.translate(CONTEXT, KINDS[kind]) if kind in KINDS else ""
    if mistaken in MISTAKES:
        text += QCoreApplication.translate(CONTEXT, MISTAKES[mistaken])
    return text + QCoreApplication.translate(CONTEXT, POINT)
