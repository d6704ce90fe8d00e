"""Settings: hidden-width text, the published ranges and the checks that use them."""
import pytest

from mlpviz.core.config import (
    EXCLUSIVE_MIN,
    INTEGER_SETTINGS,
    MAX_WIDTH,
    RANGES,
    Config,
    ConfigError,
    describe_range,
    parse_hidden,
)


@pytest.mark.parametrize("text, widths", [
    ("256,128", (256, 128)), ("50", (50,)), (" 256 , 128 ", (256, 128)), ("", ()), ("  ", ()),
    (f"{MAX_WIDTH}", (MAX_WIDTH,)), (",".join(["8"] * 16), (8,) * 16),
])
def test_parse_hidden_reads_widths(text, widths):
    assert parse_hidden(text) == widths


@pytest.mark.parametrize("text, message", [
    ("-5", "comma-separated whole numbers"), ("50,,10", "comma-separated"), ("abc", "comma-separated"),
    ("0", "from 1 to 4096"), ("50,", "comma-separated"), (",50", "comma-separated"), ("5.5", "comma-separated"),
    ("2 56", "comma-separated"), ("+5", "comma-separated"), ("٣", "comma-separated"),
    (f"{MAX_WIDTH + 1}", "from 1 to 4096"), (",".join(["8"] * 17), "0 to 16 layer widths"),
])
def test_parse_hidden_refuses_rather_than_guesses(text, message):
    with pytest.raises(ConfigError, match=message) as e:
        parse_hidden(text)
    assert "\n" not in str(e.value)


def test_width_bound_keeps_memory_sane():
    assert RANGES["hidden"] == (1, MAX_WIDTH) and 1024 <= MAX_WIDTH <= 4096
    with pytest.raises(ConfigError, match="width"):
        Config(hidden=(16384,)).validated()


def _just_outside(name, value, side):
    if name in INTEGER_SETTINGS:
        return value + side
    return value + side * max(abs(value) * 1e-6, 1e-9)


@pytest.mark.parametrize("name", sorted(set(RANGES) - {"hidden"}))
def test_ranges_are_the_ones_validation_enforces(name):
    lo, hi = RANGES[name]
    base = Config(steps=None, epochs=1.0) if name == "epochs" else Config()
    assert base.replace(**{name: hi}).validated()
    if name in EXCLUSIVE_MIN:
        assert "above" in describe_range(name)
        with pytest.raises(ConfigError):
            base.replace(**{name: lo}).validated()
    else:
        assert base.replace(**{name: lo}).validated()
        with pytest.raises(ConfigError):
            base.replace(**{name: _just_outside(name, lo, -1)}).validated()
    with pytest.raises(ConfigError):
        base.replace(**{name: _just_outside(name, hi, +1)}).validated()


def test_describe_range_speaks_plainly():
    assert describe_range("hidden") == f"from 1 to {MAX_WIDTH}"
    assert describe_range("lr") == "above 0 and at most 1e+06"
    assert describe_range("momentum") == "at least 0 and at most 0.999999"


def test_differences_name_each_changed_setting_with_both_values():
    from mlpviz.core.config import Config, differences
    base = Config()
    assert differences(base, base) == []
    changed = base.replace(lr=0.01, hidden=(128, 64), batch_size=32)
    assert differences(changed, base) == [("hidden", "128,64", "50"), ("lr", "0.01", "0.1"),
                                          ("batch size", "32", "100")]
    assert differences(base.replace(hidden=(), epochs=3.0, steps=None), base) == [
        ("hidden", "none", "50"), ("epochs", "3", "—"), ("steps", "—", "50000")]  # unset: a dash, not None


def test_every_setting_is_described_once_with_its_range_and_default():
    """SETTINGS describes each Config field, in Config's order; its help states RANGES and the default."""
    from dataclasses import fields

    from mlpviz.core.config import PRESETS, SETTINGS, setting_help
    assert list(SETTINGS) == [f.name for f in fields(Config)]
    assert PRESETS["course"] == Config()  # so Config's defaults are the default preset's values
    for name in RANGES:
        assert describe_range(name) in setting_help(name)
    assert setting_help("lr").endswith("(above 0 and at most 1e+06; default 0.1)")
    assert setting_help("rotation").endswith(f"default {Config().rotation:g})")
    assert "default" not in setting_help("epochs")  # unset by default: steps sets the length


@pytest.mark.parametrize("name", ["activation", "loss", "init", "optimizer", "schedule", "dtype", "mistake",
                                  "augment"])
def test_the_choices_a_setting_lists_are_those_validation_accepts(name):
    from mlpviz.core.config import SETTINGS, setting_help
    choices = SETTINGS[name].choices
    assert choices and all(c in setting_help(name) for c in choices)
    for choice in choices:
        value = (choice,) if name == "augment" else choice
        base = Config(hidden=(10,)) if name == "mistake" else Config()
        assert base.replace(**{name: value}).validated()
    with pytest.raises(ConfigError):
        Config().replace(**{name: ("other",) if name == "augment" else "other"}).validated()
