from portalwatch.cli import main

main()
