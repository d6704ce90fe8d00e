"""python main.py [MODEL.npz] [--data DIR|FILE.npz] [--preset NAME] [--lesson FILE]: launch the mlpviz desktop app.

The same as the `mlpviz` command: any of its commands and options work here too.
"""
import sys

from mlpviz.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
