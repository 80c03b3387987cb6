// Entry point of the headless notebook runner; the command line is defined in Cli/CommandLine.cs.
return await CrossEntropy.Notebooks.Cli.CommandLine.InvokeAsync(args, Console.Out, Console.Error);
