using GoKart;

// Runs the task named on the command line, the way gokart.run() does; parameters come from --name=value and
// gokart.ini. Outputs are saved in ./resources under names carrying a hash of their parameters, so a second
// run reuses them and a changed parameter reruns only what depends on it.
//   dotnet run -- SumOfSquares
//   dotnet run -- SumOfSquares --Numbers-count=5 --workers 2
//   dotnet run -- SumOfSquares --tree
//   dotnet run -- --help
return Kart.Run(args);
