"""Words for the user, written once in English here and put into another language by the GUI.

A Message is a str: the English with its arguments in place, so the CLI prints it, JSON holds it
and `in` finds words in it. It also keeps what a translation needs: a context, the template with
Qt's %1, %2, ... places (a translation may reorder them) and the arguments that fill them, as text
already formatted the way the English shows them, or as Messages to be translated in turn.

Templates are made with QT_TRANSLATE_NOOP(context, template). pyside6-lupdate collects the calls of
that name from every file it is given, whatever the name is bound to, so `make translations`, which
gives it the core's files too, offers each template for translation. Both arguments must therefore
be plain string literals (an f-string would be collected with its braces and never match).
"""
from __future__ import annotations

import re

_PLACE = re.compile(r"%(\d+)")


def fill(template: str, *values) -> str:
    """template with %1, %2, ... replaced by str(values[0]), str(values[1]), ...; a place that has
    no value stays as it is."""
    return _PLACE.sub(lambda m: str(values[int(m.group(1)) - 1]) if 0 < int(m.group(1)) <= len(values)
                      else m.group(0), template)


class Message(str):
    """English text that remembers how it was made: context, template and args."""

    context: str
    template: str
    args: tuple

    def __new__(cls, context: str, template: str, args: tuple = ()) -> Message:
        args = tuple(a if isinstance(a, Message) else str(a) for a in args)
        self = super().__new__(cls, fill(template, *args))
        self.context, self.template, self.args = context, template, args
        return self

    def arg(self, *values) -> Message:
        """The template with %1, %2, ... filled by values in order (numbers formatted by the caller)."""
        return Message(self.context, self.template, values)

    def __reduce__(self):
        return Message, (self.context, self.template, self.args)


def QT_TRANSLATE_NOOP(context: str, template: str) -> Message:
    """Mark template for translation in context (Qt's name, which lupdate looks for); it stays the
    English, ready for .arg()."""
    return Message(context, template)
