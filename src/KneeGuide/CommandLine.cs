namespace KneeGuide.Cli;

/// <summary>How the editor started KneeGuide, so that a command it suggests is one that works for them.</summary>
public static class CommandLine
{
    /// <summary>
    /// "kneeguide" when installed as a .NET tool (its command shim is named so, or it runs from the
    /// tool store), else the README's "dotnet run --project src/KneeGuide --".
    /// </summary>
    public static string Invocation { get; } = Detect(Environment.ProcessPath, typeof(CommandLine).Assembly.Location);

    internal static string Detect(string? processPath, string assemblyPath)
    {
        var process = Path.GetFileNameWithoutExtension(processPath ?? "");
        if (process.Equals("kneeguide", StringComparison.Ordinal))
        {
            return "kneeguide";
        }

        var store = $"{Path.DirectorySeparatorChar}.store{Path.DirectorySeparatorChar}";
        if (assemblyPath.Contains(store, StringComparison.Ordinal))
        {
            // A local tool (.config/dotnet-tools.json) runs through the dotnet host.
            return process.Equals("dotnet", StringComparison.OrdinalIgnoreCase) ? "dotnet kneeguide" : "kneeguide";
        }

        return "dotnet run --project src/KneeGuide --";
    }
}
