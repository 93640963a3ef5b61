"""The immutable model every renderer reads: the guide, the options, colours."""
