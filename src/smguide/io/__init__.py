"""Everything that touches the output folder and caches: atomic writes, build cache, progress."""
