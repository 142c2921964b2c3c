using GoKart.Cli;

return GokartCommand.Run(args, Console.Out, Console.Error);
