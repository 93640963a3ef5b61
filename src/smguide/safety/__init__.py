"""What keeps untrusted input in bounds: render limits, the fetcher, image and template checks."""
