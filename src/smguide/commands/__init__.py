"""One module per command: what each verb of the command line does, start to end."""
