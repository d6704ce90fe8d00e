"""Learning-rate schedules: the rate in force as a fraction of the base rate, by run progress.

Progress f is the share of the planned run done, in epochs (so a change of batch size does not
bend the curve), from 0 at the start to 1 at the planned end; past the end the rate stays
where the schedule ends. Every schedule ends at 1% of the base rate, so training continued
beyond the plan still moves:

  none    1
  step    1, then 0.1 from halfway, then 0.01 from three quarters (the classic recipe)
  exp     0.01 ** f: the same fall spread evenly, by a constant factor per share of the run
  cosine  0.01 + 0.99 * (1 + cos(pi f)) / 2: slow at both ends, fastest in the middle
"""
from __future__ import annotations

import math

SCHEDULES = ("none", "step", "exp", "cosine")
FLOOR = 0.01  # where every schedule ends, as a fraction of the base rate


def lr_factor(schedule: str, progress: float) -> float:
    """The learning rate as a fraction of the base rate at progress (0 to 1; clipped)."""
    f = min(max(progress, 0.0), 1.0)
    if schedule == "none":
        return 1.0
    if schedule == "step":
        return 1.0 if f < 0.5 else 0.1 if f < 0.75 else FLOOR
    if schedule == "exp":
        return FLOOR ** f
    if schedule == "cosine":
        return FLOOR + (1 - FLOOR) * 0.5 * (1 + math.cos(math.pi * f))
    raise ValueError(f"unknown schedule {schedule!r}; choose from {', '.join(SCHEDULES)}")
