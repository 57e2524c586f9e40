"""The batch: `briefs run` over files, locally or on Ray, with progress and atomic output."""
