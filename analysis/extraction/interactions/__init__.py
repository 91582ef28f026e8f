"""The learned interaction stage: candidates, features, model, merge (see stage.py)."""
