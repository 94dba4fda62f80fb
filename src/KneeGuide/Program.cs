using System.Reflection;
using KneeGuide.Cli.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

namespace KneeGuide.Cli;

public static class Program
{
    /// <summary>Exit codes: 0 success, 1 content errors, 2 usage or internal error.</summary>
    public const int Success = 0;
    public const int ContentErrors = 1;
    public const int UsageOrInternalError = 2;

    public static async Task<int> Main(string[] args)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("kneeguide");
            config.SetApplicationVersion(Version);
            config.AddCommand<BuildCommand>("build")
                .WithDescription("Build the site from the input folder into the output folder, validating every link.")
                .WithExample("build")
                .WithExample("build", "--input", "input", "--output", "output", "--format", "github");
            config.SetExceptionHandler((exception, _) =>
            {
                AnsiConsole.Console.Profile.Out.Writer.Flush();
                Console.Error.WriteLine(exception is CommandAppException
                    ? $"kneeguide: {exception.Message}"
                    : $"kneeguide: internal error: {exception.Message}\n{exception}");
                return UsageOrInternalError;
            });
        });
        var code = await app.RunAsync(args);
        return code < 0 ? UsageOrInternalError : code;
    }

    public static string Version =>
        typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
