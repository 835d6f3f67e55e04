"""The words for the two train losses, the same in the app, the command line and the files.

Training records one train loss per epoch: the mean of the losses of the epoch's
mini-batches, each taken before its own update (what the history, the loss curve,
``bpstudio info`` and the CSV export hold). Measuring the network after the epoch gives
another: the loss of the weights at the epoch's end. With mini-batches the two differ
(0.0541 against 0.056936 for the same state), so wherever a train loss is shown it says
which, with these words.
"""

from .translatable import QT_TRANSLATE_NOOP

EPOCH_MEAN = QT_TRANSLATE_NOOP("Vocabulary", "epoch mean")
"""How a train loss from the history is labelled: ``train loss (epoch mean)``."""
EPOCH_MEAN_MEANS = QT_TRANSLATE_NOOP(
    "Vocabulary", "the mean over the epoch's mini-batches, each taken before its update")
AT_EPOCH_END = QT_TRANSLATE_NOOP("Vocabulary", "at the epoch's end")
"""How a train loss measured after the epoch is labelled."""
AT_EPOCH_END_MEANS = QT_TRANSLATE_NOOP("Vocabulary", "the loss of the weights at the epoch's end")
TRAIN_LOSS = f"train loss ({EPOCH_MEAN})"
"""The train loss as the app's status line, ``bpstudio info`` and ``train`` name it."""
CSV_TRAIN_LOSS = "train_loss_epoch_mean"
"""Its column in a CSV export of the history."""
