"""Small widgets the dialogs and views share."""
