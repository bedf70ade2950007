"""What the programmes app tells the apps above it, which it never imports."""

from django.dispatch import Signal

# A person's role ended: sent by `services.membership_remove` inside its transaction, after the
# membership is deleted, with `membership` (its fields still readable) and `by`. The calls app
# ends a removed reviewer's open assignments (`calls/signals.py`).
membership_ended = Signal()
