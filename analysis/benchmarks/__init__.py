"""Benchmarks for the extraction code: accuracy and speed on shared phrase tables."""
