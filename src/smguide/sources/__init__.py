"""Reading and validating what the user wrote: YAML with positions, content, brand, roster."""
