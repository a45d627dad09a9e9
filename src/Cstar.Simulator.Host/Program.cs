Console.Error.WriteLine("cstar-sim: not implemented yet (issue 4)");
return 2;
