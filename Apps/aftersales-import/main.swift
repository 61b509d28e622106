import AdminCommands

AftersalesImportCommand.main()
