from smguide.cli import main

main()
