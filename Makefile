# Two commands on a fresh machine: `make run` launches the app, `make test` runs every test.
# Both create .venv and install the project into it (editable) the first time.
# Without make (Windows): see the README; every target below is one or two plain commands.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Where install-desktop puts the launcher, icon and model-file type (the XDG user data folder).
XDG_DATA_HOME ?= $(HOME)/.local/share
# The command the launcher runs: this checkout's, or e.g. MLPVIZ=$$(command -v mlpviz) for a pip/pipx install.
MLPVIZ ?= $(abspath $(BIN))/mlpviz
# Rebuild the desktop's caches where the tools exist (file managers read the MIME one).
REFRESH = @for cmd in "update-mime-database $(XDG_DATA_HOME)/mime" "update-desktop-database -q $(XDG_DATA_HOME)/applications"; do \
	command -v $${cmd%% *} >/dev/null && $$cmd || true; done

.PHONY: run test check-wheel lint bench install-desktop uninstall-desktop clean translations
# The Korean translation: edited as mlpviz_ko.ts (Qt Linguist or any text editor), compiled to .qm here.
TS := resources/i18n/mlpviz_ko.ts
QM := $(TS:.ts=.qm)

# mlpviz/__init__.py holds the version, which the installed metadata copies.
$(BIN)/.installed: pyproject.toml setup.py mlpviz/__init__.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

run: $(BIN)/.installed $(QM)
	$(BIN)/python main.py

test: $(BIN)/.installed $(QM)
	$(BIN)/python -m pytest

$(QM): $(TS) $(BIN)/.installed
	$(BIN)/pyside6-lrelease -silent $(TS) -qm $@

# Gather the GUI's strings, and the core's messages it shows (QT_TRANSLATE_NOOP in mlpviz/core/messages.py),
# into the .ts after a change to them: new ones come in unfinished, to translate.
translations: $(BIN)/.installed
	$(BIN)/pyside6-lupdate $$(find mlpviz/gui mlpviz/core -name '*.py' | sort) -ts $(TS) -no-obsolete -locations none

# Build the wheel, install it into a fresh environment and run it from elsewhere (about 30 s).
check-wheel: $(BIN)/.installed
	$(BIN)/python .ci/check_wheel.py

lint: $(BIN)/.installed
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/ruff check .
	$(BIN)/lint-imports

bench: $(BIN)/.installed
	$(BIN)/python benchmarks/engine.py

# Linux: a menu entry with the icon, and "Open with mlpviz" for .npz model files.
install-desktop:
	@test -x "$(MLPVIZ)" || { echo "$(MLPVIZ) not found: run make run (or make test) first, or pass MLPVIZ=/path/to/mlpviz"; exit 1; }
	install -Dm644 resources/icons/mlpviz.svg $(XDG_DATA_HOME)/icons/hicolor/scalable/apps/mlpviz.svg
	for s in 16 32 48 64 128 256; do \
		install -Dm644 resources/icons/mlpviz-$$s.png $(XDG_DATA_HOME)/icons/hicolor/$${s}x$$s/apps/mlpviz.png; done
	install -Dm644 resources/linux/mlpviz-model.xml $(XDG_DATA_HOME)/mime/packages/mlpviz-model.xml
	mkdir -p $(XDG_DATA_HOME)/applications
	sed 's|^Exec=mlpviz |Exec="$(MLPVIZ)" |' resources/linux/mlpviz.desktop > $(XDG_DATA_HOME)/applications/mlpviz.desktop
	$(REFRESH)
	@echo "installed: $(XDG_DATA_HOME)/applications/mlpviz.desktop runs $(MLPVIZ)"

uninstall-desktop:
	rm -f $(XDG_DATA_HOME)/applications/mlpviz.desktop $(XDG_DATA_HOME)/mime/packages/mlpviz-model.xml
	rm -f $(XDG_DATA_HOME)/icons/hicolor/scalable/apps/mlpviz.svg $(XDG_DATA_HOME)/icons/hicolor/*/apps/mlpviz.png
	$(REFRESH)

clean:
	rm -rf $(VENV) build dist *.egg-info
