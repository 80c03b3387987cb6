// Entry point of the headless notebook runner; the commands are defined in Cli/.
Console.Error.WriteLine("usage: CrossEntropy.Notebooks run <folder> [--in-place] [--html DIR] [--keep-going]");
return 2;
