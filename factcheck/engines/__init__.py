"""Where ingest's extraction and embedding run: in this process, in worker processes on
this machine (:mod:`factcheck.engines.local`) or on a Dask cluster
(:mod:`factcheck.engines.dask`). Every engine runs the same functions
(:func:`factcheck.engines.base.extract_outcome`, the embedder's ``encode``) and returns
results in the order of the files, so the stored rows and the report are the same bytes
whichever engine read them; only the driver process writes the database."""
