using GridActors.LoadTest.Cli;

return await LoadTestCommandLine.RunAsync(args, Console.Error);
