"""python main.py: launch the mlpviz desktop app (the same as the `mlpviz` command)."""
import sys

from mlpviz.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
