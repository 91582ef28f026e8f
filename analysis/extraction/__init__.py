"""Text in, facts out: the extraction pipeline (pure Python, no Django). Entry point: `pipeline.extract_document`."""
