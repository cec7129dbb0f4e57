"""Evaluation of the project's judgements against labelled data sets (ANS stance pairs)."""
