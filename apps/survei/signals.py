from django.dispatch import Signal

# Sent by services._periode_transisi inside its transaction, after the new status is saved.
# Arguments: periode, old_status, new_status, actor.
periode_status_changed = Signal()
