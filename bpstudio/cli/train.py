"""``bpstudio train``: train a file's network headless with the app's training run, resuming
its state, and save it (never half-written)."""

from __future__ import annotations

import argparse
import os
import stat
import sys
import time
from dataclasses import replace

from ..core import DivergenceError
from ..core.doctor_findings import Finding
from ..core.stopping import StopReason
from ..headless import Progress, duration, scores
from ..io import BPFileError, load, save
from ..limits import MAX_EPOCHS
from ..session import Session
from ..training import TrainingRun
from .flags import UsageError
from .output import INTERRUPTED, fail, say, show

DEFAULT_EPOCHS = 100


def train_command(args: argparse.Namespace) -> int:
    out = args.file if args.out is None else args.out
    if not args.force and _read_only(out):
        return fail(out, "is read-only; use --force to replace it (nothing was trained)")
    try:
        session = load(args.file)
    except BPFileError as exc:
        return fail(args.file, exc)
    changes = {name: value for name, value in (("learning_rate", args.lr),
               ("schedule", args.schedule), ("stopping", args.stop)) if value is not None}
    try:
        session = session.with_training(replace(session.training, **changes))
        epochs = _epochs_to_train(session, args.epochs, args.file)
        if epochs < 1:
            return 0
        run = TrainingRun(session, last_epoch=session.epoch + epochs)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if run.stopped is not None:
        show(f"{args.file}: {run.stopped.words()}; nothing to do (change the rule with "
             "--stop, or use bpstudio new)")
        return 0
    started = time.monotonic()
    try:
        train_with_progress(run, args.measure_every)
    except KeyboardInterrupt:
        say(f"bpstudio: interrupted at epoch {run.epoch}; nothing was saved and "
            f"{args.file} is unchanged")
        return INTERRUPTED
    except DivergenceError as exc:
        return fail(args.file, f"{exc} Nothing was saved.")
    try:
        save(out, run.to_session(), overwrite_read_only=args.force)
    except KeyboardInterrupt:
        say(f"bpstudio: interrupted while saving; {out} is either as it was or completely "
            "saved, never half-written")
        return INTERRUPTED
    except BPFileError as exc:
        return fail(out, exc)
    show(f"{out}: trained epochs {session.epoch + 1}-{run.epoch} in "
         f"{duration(time.monotonic() - started)}; {scores(run)}")
    stopped = run.stopped
    if stopped is not None and (stopped.reason is not StopReason.EPOCH_LIMIT
                                or run.epoch >= session.training.last_epoch):
        show(f"{out}: {stopped.words()}")
    for finding in run.diagnose():
        show(doctor_line(finding))
    return 0


def doctor_line(finding: Finding) -> str:
    """A finding of the training doctor as the summary prints it, pointing at the guide."""
    return (f"doctor ({finding.severity}): {finding.seen} {finding.advice} "
            f"(docs/{finding.explained_in})")


def _epochs_to_train(session: Session, asked: int | None, path: str) -> int:
    """``--epochs``, else up to the epoch limit, else :data:`DEFAULT_EPOCHS`; never past
    :data:`~bpstudio.limits.MAX_EPOCHS`, the most a session may reach (and be opened again).
    Says why when that leaves nothing to do."""
    training = session.training
    if asked is None and training.epoch_limit:
        epochs = training.last_epoch - session.epoch
        if epochs < 1:
            show(f"{path}: already trained to its epoch limit ({training.epoch_limit:,}); "
                 "nothing to do (use --epochs N to train on)")
            return 0
    else:
        epochs = DEFAULT_EPOCHS if asked is None else asked
    room = MAX_EPOCHS - session.epoch
    if room < 1:
        show(f"{path}: already at epoch {MAX_EPOCHS:,}, the most a session may reach; "
             "nothing to do")
    elif epochs > room:
        say(f"bpstudio: {path}: training {room:,} epochs, up to epoch {MAX_EPOCHS:,}, the "
            "most a session may reach")
    return min(epochs, room)


def train_with_progress(run: TrainingRun, measure_every: int = 1) -> None:
    """Train ``run`` to its last epoch, drawing progress on stderr; test loss and metrics are
    measured every ``measure_every`` epochs (counted from epoch 0) and after the last."""
    progress = Progress(sys.stderr, run.last_epoch - run.epoch)
    try:
        run.train_for(measure_every=measure_every, callback=lambda epoch, loss:
                      progress.update(loss))
    finally:
        progress.close()


def _read_only(path: str) -> bool:
    """Whether ``path`` is an existing file nobody may write (checked before training, so
    a refusal costs no training time; :func:`bpstudio.io.save` has the last word)."""
    try:
        return not os.stat(path).st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    except OSError:
        return False
