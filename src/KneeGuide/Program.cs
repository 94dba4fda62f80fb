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

            // An unknown or misspelt option (--ouput) is a usage error (exit 2), not silently ignored.
            config.UseStrictParsing();
            config.AddCommand<BuildCommand>("build")
                .WithDescription("Build the site from the input folder into the output folder, validating every link.")
                .WithExample("build")
                .WithExample("build", "--input", "input", "--output", "output", "--format", "github");
            config.AddCommand<ServeCommand>("serve")
                .WithDescription("Preview the site on http://127.0.0.1:5080/, rebuilding and reloading the browser on every save.")
                .WithExample("serve")
                .WithExample("serve", "--port", "5081");
            config.AddCommand<NewCommand>("new")
                .WithDescription("Create a new article, mobility page or exercise whose front matter explains every key.")
                .WithExample("new", "article", "\"Knee taping\"")
                .WithExample("new", "exercise", "wall-slides");
            config.AddCommand<ReviewsCommand>("reviews")
                .WithDescription("List articles and mobility pages by clinical review due date, most urgent first.");
            config.AddCommand<TranslationsCommand>("translations")
                .WithDescription("List every translation with its state against its original and its clinical review, and the pages not translated yet.")
                .WithExample("translations")
                .WithExample("translations", "--stale");
            config.AddCommand<SchemaCommand>("schema")
                .WithDescription("Write the JSON Schemas for front matter, site.yml and credits.yml (used by VS Code).");
            config.SetExceptionHandler((exception, _) =>
            {
                AnsiConsole.Console.Profile.Out.Writer.Flush();
                Console.Error.WriteLine(exception is CommandAppException
                    ? $"kneeguide: {UsageHints.Explain(exception.Message, args)}."
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
