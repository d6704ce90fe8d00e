"""Model files: round trip, validation, refusal of pickles, atomic writes."""
import json
import os

import numpy as np
import pytest

from mlpviz.core import checkpoint
from mlpviz.core.checkpoint import Checkpoint, CheckpointError
from mlpviz.core.config import PRESETS, Config
from mlpviz.core.history import RunHistory
from mlpviz.core.trainer import Trainer


@pytest.fixture
def trained(small):
    config = PRESETS["keras"].replace(hidden=(20, 12), activation="tanh")
    t = Trainer.from_config(config, small, evaluate_epochs=False)
    t.step(40)
    return t, config


def test_round_trip_gives_identical_predictions(tmp_path, trained, small):
    t, config = trained
    checkpoint.save(tmp_path / "m.npz", checkpoint.of_trainer(t, config))
    loaded = checkpoint.load(tmp_path / "m.npz")
    x = small.x_test[:200] / 255
    np.testing.assert_array_equal(loaded.model.predict_proba(x), t.model.predict_proba(x))
    assert loaded.model.sizes == (784, 20, 12, 10) and loaded.model.activation.name == "tanh"
    assert Config.from_dict(loaded.training) == config
    np.testing.assert_array_equal(loaded.losses, t.losses.view())


def test_format_is_plain_arrays_named_W1_b1(tmp_path, trained):
    t, config = trained
    checkpoint.save(tmp_path / "m.npz", checkpoint.of_trainer(t, config))
    with np.load(tmp_path / "m.npz", allow_pickle=False) as f:
        assert {"W1", "b1", "W2", "b2", "W3", "b3", "config"} <= set(f.files)
        assert f["W1"].shape == (784, 20) and f["b3"].shape == (10,)
        meta = json.loads(str(f["config"]))
    assert meta["sizes"] == [784, 20, 12, 10] and meta["activation"] == "tanh"


def test_resumed_training_continues_exactly(tmp_path, trained, small):
    t, config = trained
    checkpoint.save(tmp_path / "m.npz", checkpoint.of_trainer(t, config))
    loaded = checkpoint.load(tmp_path / "m.npz")
    from mlpviz.core.optim import make_optimizer
    opt = make_optimizer(config.optimizer, config.lr)
    opt.load_state(loaded.optimizer_state, loaded.model.params)
    x, y = small.x_train[:32] / 255, small.y_train[:32]
    for model, optimizer in ((t.model, t.optimizer), (loaded.model, opt)):
        model.train_batch(x.astype(np.float32), y)
        optimizer.update(model.params, model.grads)
    for p, q in zip(t.model.params, loaded.model.params):
        np.testing.assert_array_equal(p, q)


class Boom:
    def __reduce__(self):
        return (os.system, ("touch pwned",))


def test_pickled_objects_are_refused_without_being_unpickled(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    np.savez("evil.npz", W1=np.array([Boom()], dtype=object), config=np.array("{}"))
    with pytest.raises(CheckpointError, match="refused: it holds pickled"):
        checkpoint.load("evil.npz")
    assert not (tmp_path / "pwned").exists()


def good_arrays():
    cfg = {"format": "mlpviz-model", "version": 1, "sizes": [4, 3, 10], "activation": "relu",
           "loss": "cross_entropy", "image_shape": [2, 2]}
    return {"W1": np.zeros((4, 3), np.float32), "b1": np.zeros(3, np.float32),
            "W2": np.zeros((3, 10), np.float32), "b2": np.zeros(10, np.float32),
            "config": np.array(json.dumps(cfg))}


def with_config(**changes):
    a = good_arrays()
    cfg = json.loads(str(a["config"]))
    cfg.update(changes)
    a["config"] = np.array(json.dumps(cfg))
    return a


BAD_MODELS = {
    "no config": ({k: v for k, v in good_arrays().items() if k != "config"}, "no `config`"),
    "config not JSON": ({**good_arrays(), "config": np.array("{nope")}, "not valid JSON"),
    "unknown activation": (with_config(activation="gelu"), "unknown activation 'gelu'"),
    "missing array": ({k: v for k, v in good_arrays().items() if k != "b2"}, "missing b2"),
    "extra array": ({**good_arrays(), "W3": np.zeros((2, 2), np.float32)}, "unexpected W3"),
    "shapes do not chain": ({**good_arrays(), "W2": np.zeros((5, 10), np.float32)}, "do not chain"),
    # The labels 0-9 of any dataset would fall outside five outputs: the first step raised IndexError.
    "five outputs": ({**with_config(sizes=[4, 3, 5]), "W2": np.zeros((3, 5), np.float32),
                      "b2": np.zeros(5, np.float32)},
                     r"the network has 5 outputs; it needs one for each of the 10 classes \(labels 0-9\)"),
    "integer weights": ({**good_arrays(), "W1": np.zeros((4, 3), np.int32)}, "float32 or float64"),
    "NaN weights": ({**good_arrays(), "b1": np.full(3, np.nan, np.float32)}, "NaN"),
    "wrong format": (with_config(format="other"), "does not describe"),
    "future version": (with_config(version=9), "version 9"),
    "per-epoch statistics without epochs": ({**good_arrays(), "history/gradient_norms": np.zeros((1, 2))},
                                            "history/epochs is not"),
    "per-epoch statistics of another shape": ({**good_arrays(), "history/epochs": np.zeros((2, 7)),
                                               "history/inactive_fraction": np.zeros((2, 3))}, r"expected \(2, 2\)"),
}


# Optimizer state that load() used to accept and the first training step then tripped over.
BAD_STATE = {
    "a moment of the wrong shape": ({"m0": np.zeros((3, 3)), "v0": np.zeros((4, 3))},
                                    r"m0 has shape \(3, 3\) but W1, the parameter it belongs to, has shape \(4, 3\)"),
    "a learning rate of NaN": ({"lr": np.array(np.nan)}, "lr holds NaN or infinite values"),
    "an infinite moment": ({"v3": np.full(10, np.inf)}, "v3 holds NaN or infinite values"),
    "a moment of no parameter": ({"v4": np.zeros(3)}, "v4 belongs to no parameter: the network has 4"),
    "Adam's m without its v": ({"m1": np.zeros(3)}, "m1 is there but v1 is not"),
    "a negative learning rate": ({"lr": np.array(-0.1)}, "lr must be a single number above 0, got -0.1$"),
    "a step count of several numbers": ({"t": np.arange(3)}, "t must be a whole number of at least 0"),
    "a step count that is not whole": ({"t": np.array(2.5)}, "t must be a whole number of at least 0, got 2.5$"),
    "a negative step count": ({"t": np.array([-5.0])}, "t must be a whole number of at least 0, got -5$"),
    "text where numbers belong": ({"lr": np.array("fast")}, "lr is not numbers"),
}


@pytest.mark.parametrize("case", list(BAD_STATE))
def test_optimizer_state_that_cannot_train_is_refused_on_load(tmp_path, case):
    state, message = BAD_STATE[case]
    np.savez(tmp_path / "m.npz", **good_arrays(), **{f"optim/{k}": v for k, v in state.items()})
    with pytest.raises(CheckpointError, match=message) as e:
        checkpoint.load(tmp_path / "m.npz")
    assert str(e.value).startswith(f"{tmp_path / 'm.npz'}: optimizer state ") and "\n" not in str(e.value)


def test_the_refused_states_of_a_real_run_would_have_failed_its_first_step(tmp_path, trained, small):
    # Made the way the defect was found: an Adam run's file with m0 replaced, or lr set to NaN.
    t, config = trained
    for name, value in (("m0", np.zeros((3, 3), np.float32)), ("lr", np.array(np.nan))):
        ckpt = checkpoint.of_trainer(t, config)
        ckpt.optimizer_state[name] = value
        checkpoint.save(tmp_path / "m.npz", ckpt)
        with pytest.raises(CheckpointError, match=f"optimizer state {name} "):
            checkpoint.load(tmp_path / "m.npz")
        with pytest.raises(CheckpointError, match=f"optimizer state {name} "):
            checkpoint.resume(ckpt, small)  # a Checkpoint made in code meets the same checks


@pytest.mark.parametrize("command", [["evaluate", "--model"], ["predict", "digit.png", "--model"],
                                     ["explain", "digit.png", "--model"], ["gui"]])
def test_every_command_that_reads_a_model_refuses_such_a_file_in_one_line(tmp_path, capsys, command):
    from mlpviz.cli import main
    np.savez(tmp_path / "m.npz", **good_arrays(), **{"optim/lr": np.array(np.nan)})
    assert main([*command, str(tmp_path / "m.npz")]) == 1
    err = capsys.readouterr().err
    assert err == f"mlpviz: error: {tmp_path / 'm.npz'}: optimizer state lr holds NaN or infinite values\n"


def test_plain_numbers_in_a_checkpoint_made_in_code_meet_the_same_checks(trained, small):
    t, config = trained
    ckpt = checkpoint.of_trainer(t, config)
    ckpt.optimizer_state["lr"] = 0.01
    assert checkpoint.resume(ckpt, small)[0].optimizer.lr == 0.01
    ckpt.optimizer_state["lr"] = float("inf")
    with pytest.raises(CheckpointError, match="optimizer state lr holds NaN or infinite values"):
        checkpoint.resume(ckpt, small)


def test_a_good_optimizer_state_still_loads(tmp_path, trained):
    t, config = trained
    checkpoint.save(tmp_path / "m.npz", checkpoint.of_trainer(t, config))
    state = checkpoint.load(tmp_path / "m.npz").optimizer_state
    assert {"t", "lr", "m0", "v0", "m5", "v5"} <= set(state) and state["m0"].shape == (784, 20)


def test_an_edited_network_is_installed_only_if_it_and_the_optimizer_state_can_train(trained):
    t, _ = trained
    edited = t.model.copy()
    edited.params[2][...] *= 0.5
    checkpoint.install(t, edited)
    np.testing.assert_array_equal(t.model.params[2], edited.params[2])
    before = [p.copy() for p in t.model.params]
    broken = t.model.copy()
    broken.params[1][0] = np.nan
    with pytest.raises(CheckpointError, match="b1 holds NaN or infinite values"):
        checkpoint.install(t, broken)
    t.optimizer.m[0] = np.zeros((3, 3), np.float32)  # state that no longer fits the weights
    with pytest.raises(CheckpointError, match=r"m0 has shape \(3, 3\)"):
        checkpoint.install(t, edited)
    from mlpviz.core.model import MLP
    with pytest.raises(CheckpointError, match="layer sizes"):
        checkpoint.install(t, MLP.create((784, 10), "relu", "cross_entropy", "he", 0.1, 0, "float32"))
    for p, q in zip(t.model.params, before):  # nothing was installed by a refused call
        np.testing.assert_array_equal(p, q)


def test_an_earlier_copy_of_the_network_is_saved_with_its_own_history(tmp_path, trained, small):
    t, config = trained
    earlier, step = t.model.copy(), t.step_count
    t.step(t.steps_per_epoch)  # past an epoch end, which the earlier copy had not reached
    ckpt = checkpoint.of_trainer(t, config, earlier, step)
    checkpoint.save(tmp_path / "m.npz", ckpt)
    loaded = checkpoint.load(tmp_path / "m.npz")
    np.testing.assert_array_equal(loaded.model.params[0], earlier.params[0])
    assert len(loaded.losses) == step and loaded.optimizer_state == {}
    assert all(row[1] <= step for row in loaded.epochs)
    resumed, _ = checkpoint.resume(loaded, small)
    assert resumed.step_count == step


@pytest.mark.parametrize("case", list(BAD_MODELS))
def test_bad_model_files_are_explained(tmp_path, case):
    arrays, message = BAD_MODELS[case]
    np.savez(tmp_path / "m.npz", **arrays)
    with pytest.raises(CheckpointError, match=message):
        checkpoint.load(tmp_path / "m.npz")


def test_good_arrays_load(tmp_path):
    np.savez(tmp_path / "m.npz", **good_arrays())
    assert checkpoint.load(tmp_path / "m.npz").model.sizes == (4, 3, 10)


def test_not_a_zip_and_truncated(tmp_path, trained):
    (tmp_path / "a.npz").write_text("not a model")
    with pytest.raises(CheckpointError, match="not a zip"):
        checkpoint.load(tmp_path / "a.npz")
    t, config = trained
    checkpoint.save(tmp_path / "m.npz", checkpoint.of_trainer(t, config))
    data = (tmp_path / "m.npz").read_bytes()
    (tmp_path / "t.npz").write_bytes(data[: len(data) // 2])
    with pytest.raises(CheckpointError):
        checkpoint.load(tmp_path / "t.npz")
    with pytest.raises(CheckpointError, match="not found"):
        checkpoint.load(tmp_path / "missing.npz")


def test_a_failed_save_leaves_the_previous_file_intact(tmp_path, trained, monkeypatch):
    t, config = trained
    target = tmp_path / "m.npz"
    checkpoint.save(target, checkpoint.of_trainer(t, config))
    before = target.read_bytes()

    def fail_midway(f, **arrays):
        f.write(b"PK partial")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(np, "savez", fail_midway)
    with pytest.raises(CheckpointError, match="No space left.*unchanged"):
        checkpoint.save(target, Checkpoint(t.model))
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["m.npz"]  # no temporary file left behind


@pytest.mark.parametrize("bad", [np.nan, np.inf])
def test_a_network_with_non_finite_weights_is_not_saved(tmp_path, trained, bad):
    t, config = trained
    assert t.model.weights_finite()
    t.model.params[-1][3] = bad
    assert not t.model.weights_finite()
    with pytest.raises(CheckpointError, match="NaN or infinite"):
        checkpoint.save(tmp_path / "m.npz", checkpoint.of_trainer(t, config))
    assert list(tmp_path.iterdir()) == []


def test_saving_into_a_missing_folder_is_an_error(tmp_path, trained):
    t, _ = trained
    with pytest.raises(CheckpointError, match="cannot save"):
        checkpoint.save(tmp_path / "nope" / "m.npz", Checkpoint(t.model))


def test_a_failed_rename_leaves_the_previous_file_intact(tmp_path, trained, monkeypatch):
    t, config = trained
    target = tmp_path / "m.npz"
    checkpoint.save(target, checkpoint.of_trainer(t, config))
    before = target.read_bytes()

    def denied(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", denied)
    with pytest.raises(CheckpointError, match="Permission denied"):
        checkpoint.save(target, Checkpoint(t.model))
    assert target.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["m.npz"]


def test_a_model_whose_input_size_does_not_match_the_data(tmp_path, trained, small):
    from mlpviz.core.config import ConfigError
    from mlpviz.core.data import Dataset
    t, config = trained
    checkpoint.save(tmp_path / "m.npz", checkpoint.of_trainer(t, config))
    other = Dataset(small.x_train[:, :48], small.y_train, small.x_test[:, :48], small.y_test, (8, 6), "tiny")
    with pytest.raises(ConfigError, match="784 inputs but the images of tiny have 48 pixels"):
        checkpoint.resume(checkpoint.load(tmp_path / "m.npz"), other)


def test_extra_non_weight_arrays_are_ignored_but_weights_checked(tmp_path):
    arrays = good_arrays()
    arrays["notes"] = np.array("trained on a Tuesday")
    np.savez(tmp_path / "m.npz", **arrays)
    assert checkpoint.load(tmp_path / "m.npz").model.sizes == (4, 3, 10)


def test_history_keeps_gradient_norms_and_inactive_fraction(tmp_path, small):
    config = Config(hidden=(20, 10), activation="relu", init="he", batch_size=500, epochs=3.0, steps=None,
                    schedule="exp", dropout=0.1)
    t = Trainer.from_config(config, small)
    t.step(12)  # two epochs
    checkpoint.save(tmp_path / "m.npz", checkpoint.of_trainer(t, config))
    loaded = checkpoint.load(tmp_path / "m.npz")
    assert loaded.gradient_norms.shape == loaded.inactive_fraction.shape == (2, 3)
    np.testing.assert_array_equal(loaded.gradient_norms, [r.gradient_norms for r in t.epochs])
    np.testing.assert_array_equal(loaded.inactive_fraction, [r.inactive_fraction for r in t.epochs])
    resumed, resumed_config = checkpoint.resume(loaded, small)
    assert resumed_config == config and resumed.epochs == t.epochs
    assert (resumed.dropout, resumed.schedule, resumed.lr) == (0.1, "exp", t.lr)
    # Per-step statistics were not saved: NaN for the steps before the file, real ones after.
    resumed.step(6)
    grads = resumed.series["grad_norm"].view()
    assert grads.shape == (18, 3) and np.isnan(grads[:12]).all() and np.isfinite(grads[12:]).all()
    assert len(resumed.epochs) == 3 and resumed.epochs[-1].step == 18
    np.testing.assert_allclose(resumed.epochs[-1].gradient_norms, grads[12:].mean(axis=0), rtol=1e-6)
    assert resumed.timeline.steps()[0] == 12


def test_a_resumed_run_keeps_its_augmentation(tmp_path, small):
    config = Config(hidden=(16,), activation="relu", init="he", batch_size=200, steps=3,
                    augment=("affine", "pen"), pen_share=0.3, rotation=5.0)
    t = Trainer.from_config(config, small)
    t.step(3)
    checkpoint.save(tmp_path / "m.npz", checkpoint.of_trainer(t, config))
    resumed, _ = checkpoint.resume(checkpoint.load(tmp_path / "m.npz"), small)
    assert resumed.augmenter == t.augmenter and resumed.augmenter.skeletons is not None
    resumed.step(1)
    assert resumed.augmenter.skeletons.done.any()


def test_files_without_per_epoch_statistics_still_load_and_resume(tmp_path, trained, small):
    t, config = trained
    t.record_epoch()
    ckpt = checkpoint.of_trainer(t, config)
    ckpt.gradient_norms = ckpt.inactive_fraction = None  # as written before these existed
    checkpoint.save(tmp_path / "old.npz", ckpt)
    with np.load(tmp_path / "old.npz") as f:
        assert not any(k.startswith("history/grad") or k.startswith("history/inactive") for k in f.files)
    loaded = checkpoint.load(tmp_path / "old.npz")
    assert loaded.gradient_norms is None and loaded.inactive_fraction is None
    resumed, _ = checkpoint.resume(loaded, small)
    assert resumed.epochs[0].gradient_norms is None and resumed.epochs[0].test_accuracy == t.epochs[0].test_accuracy


def test_a_model_saved_mid_epoch_goes_on_from_its_fractional_epoch(tmp_path, small):
    """Saved at step 45 of 30-step epochs (epoch 1.5): the history held 1.467, 1.5, then the
    resumed trainer's 1.033, 1.067, ... (it restarted the epoch, which the steps before the file
    were counted past)."""
    config = Config(hidden=(16,), batch_size=100, steps=200, epochs=None)
    t = Trainer.from_config(config, small, train_eval_limit=200)
    t.step(45)
    assert [r.step for r in t.epochs] == [30] and t.epoch_progress == pytest.approx(1.5)
    checkpoint.save(tmp_path / "m.npz", checkpoint.of_trainer(t, config))
    loaded = checkpoint.load(tmp_path / "m.npz")
    np.testing.assert_allclose(loaded.epoch_knots, [[0, 0], [45, 1.5]])
    resumed, _ = checkpoint.resume(loaded, small, train_eval_limit=200)
    assert resumed.step_count == 45 and resumed.epoch == 1 and resumed.epoch_progress == pytest.approx(1.5)
    np.testing.assert_allclose(resumed.series["epoch"].view(), np.arange(1, 46) / 30)
    history = RunHistory()
    history.add(0, {k: b.view().copy() for k, b in resumed.series.items()}, resumed.steps_per_epoch)
    seen = set()
    resumed.hooks.append(lambda trainer, idx, x, y: seen.update(idx.tolist()))
    resumed.step(15)  # the rest of the second epoch: half of it, in a fresh order
    assert resumed.epoch == 2 and len(resumed.epochs) == 2 and resumed.epochs[-1].step == 60
    assert len(seen) == 1500
    history.add(45, {k: b.view()[45:].copy() for k, b in resumed.series.items()}, resumed.steps_per_epoch)
    epochs = history.epoch_of(np.arange(0, 61))
    np.testing.assert_allclose(epochs, np.arange(0, 61) / 30)
    assert (np.diff(epochs) > 0).all()
    assert history.epoch_at(60) == resumed.epoch_progress == 2.0


def test_a_batch_size_change_keeps_its_epochs_through_save_and_open(tmp_path, small):
    """30 steps at batch 100, then 10 at batch 300, on 3,000 images: step 40 ends the second
    epoch; the steps before the file were counted at 10 steps per epoch (step 40 at epoch 4)."""
    config = Config(hidden=(16,), batch_size=100, steps=100, epochs=None)
    t = Trainer.from_config(config, small, evaluate_epochs=False)
    t.step(30)
    t.set_batch_size(300)
    t.step(10)
    checkpoint.save(tmp_path / "m.npz", checkpoint.of_trainer(t, config.replace(batch_size=300)))
    loaded = checkpoint.load(tmp_path / "m.npz")
    np.testing.assert_allclose(loaded.epoch_knots, [[0, 0], [30, 1], [40, 2]])
    resumed, _ = checkpoint.resume(loaded, small, evaluate_epochs=False)
    np.testing.assert_allclose(resumed.series["epoch"].view(), t.series["epoch"].view())
    assert resumed.epoch == 2 and resumed.epoch_progress == 2.0
    resumed.step(5)
    assert resumed.series["epoch"].view()[-1] == pytest.approx(2.5)
    # The run's history, which every view reads, takes the opened steps in as they are.
    history = RunHistory()
    history.add(0, {k: v.view().copy() for k, v in resumed.series.items()}, resumed.steps_per_epoch)
    assert history.epoch_at(30) == pytest.approx(1.0) and history.epoch_at(40) == pytest.approx(2.0)
    epochs = history.epoch_of(np.arange(0, 46))
    assert (np.diff(epochs) > 0).all() and epochs[-1] == pytest.approx(2.5) == resumed.epoch_progress
    # Saved again, the curve keeps all three rates.
    checkpoint.save(tmp_path / "again.npz", checkpoint.of_trainer(resumed, config.replace(batch_size=300)))
    np.testing.assert_allclose(checkpoint.load(tmp_path / "again.npz").epoch_knots, [[0, 0], [30, 1], [45, 2.5]])


def test_files_without_an_epoch_curve_count_on_from_their_epoch_rows(tmp_path, small):
    """An older file: its steps' epochs run through the epoch rows, then on at the saved batch
    size, and the resumed trainer goes on from there, so the curve never runs backwards."""
    config = Config(hidden=(16,), batch_size=100, steps=200, epochs=None)
    t = Trainer.from_config(config, small, train_eval_limit=200)
    t.step(45)
    ckpt = checkpoint.of_trainer(t, config)
    ckpt.epoch_knots = None  # as written before it existed
    checkpoint.save(tmp_path / "old.npz", ckpt)
    with np.load(tmp_path / "old.npz") as f:
        assert "history/epoch_knots" not in f.files
    loaded = checkpoint.load(tmp_path / "old.npz")
    assert loaded.epoch_knots is None
    resumed, _ = checkpoint.resume(loaded, small, train_eval_limit=200)
    resumed.step(5)
    epochs = resumed.series["epoch"].view()
    np.testing.assert_allclose(epochs, np.arange(1, 51) / 30)
    no_rows = checkpoint.load(tmp_path / "old.npz")
    no_rows.epochs = None  # nor epoch rows: counted at the saved batch size from the start
    resumed, _ = checkpoint.resume(no_rows, small)
    assert resumed.epoch_progress == pytest.approx(1.5) and resumed.epoch == 1


BAD_KNOTS = {
    "without losses": ({"history/epoch_knots": np.zeros((1, 2))}, "history/loss is not"),
    "of another shape": ({"history/loss": np.ones(4, np.float32), "history/epoch_knots": np.zeros((2, 3))},
                         r"shape \(2, 3\) of float64, expected \(n, 2\)"),
    "with NaN": ({"history/loss": np.ones(4, np.float32), "history/epoch_knots": np.array([[0, 0], [4, np.nan]])},
                 "history/epoch_knots holds NaN"),
    "running backwards": ({"history/loss": np.ones(4, np.float32),
                           "history/epoch_knots": np.array([[0, 0], [2, 1.0], [4, 0.5]])}, "never falling"),
    "short of the last step": ({"history/loss": np.ones(4, np.float32),
                                "history/epoch_knots": np.array([[0, 0], [3, 1.0]])}, "to step 4, the last"),
}


@pytest.mark.parametrize("case", list(BAD_KNOTS))
def test_an_epoch_curve_that_does_not_fit_the_losses_is_refused(tmp_path, case):
    arrays, message = BAD_KNOTS[case]
    np.savez(tmp_path / "m.npz", **good_arrays(), **arrays)
    with pytest.raises(CheckpointError, match=message):
        checkpoint.load(tmp_path / "m.npz")
