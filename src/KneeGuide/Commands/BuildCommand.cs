using System.ComponentModel;
using KneeGuide.Cli.Reporting;
using KneeGuide.Site;
using Spectre.Console.Cli;

namespace KneeGuide.Cli.Commands;

public sealed class BuildCommand : AsyncCommand<BuildCommand.Settings>
{
    public sealed class Settings : SiteSettings
    {
        [CommandOption("-o|--output <DIR>")]
        [Description("Where the site is written (default: output). Replaced only when the build has no errors.")]
        [DefaultValue("output")]
        public string Output { get; init; } = "output";

        [CommandOption("--force")]
        [Description("Replace the output folder even though it holds files KneeGuide did not make. Never replaces the input or theme folder, a folder containing them, a git repository, your home folder or a drive's root.")]
        public bool Force { get; init; }

        [CommandOption("--no-cache")]
        [Description("Build everything again, ignoring the build cache in .kneeguide/ (the output is the same either way; the new cache is kept for the next build).")]
        public bool NoCache { get; init; }

        [CommandOption("--strict")]
        [Description("Fail on warnings too (for example a clinical review that is overdue).")]
        public bool Strict { get; init; }

        [CommandOption("--check-external")]
        [Description("Also check external http(s) links against their servers (cached for 7 days in .kneeguide/). site.yml check_external_links: true does the same.")]
        public bool CheckExternal { get; init; }

        [CommandOption("-f|--format <FORMAT>")]
        [Description("How problems are reported: text (default), json, github (Actions annotations) or sarif.")]
        [DefaultValue("text")]
        public string Format { get; init; } = "text";

        [CommandOption("--timings")]
        [Description("Print the time spent in each pipeline.")]
        public bool Timings { get; init; }

        [CommandOption("-v|--verbose")]
        [Description("Also print the per-pipeline timings (as --timings).")]
        public bool Verbose { get; init; }

        public override Spectre.Console.ValidationResult Validate() =>
            DiagnosticFormats.IsKnown(Format)
                ? Spectre.Console.ValidationResult.Success()
                : Spectre.Console.ValidationResult.Error($"unknown format '{Format}': use text, json, github or sarif");
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = new BuildOptions(settings.Input, settings.Output, settings.Theme) { Strict = settings.Strict, CheckExternal = settings.CheckExternal, Force = settings.Force, NoCache = settings.NoCache, DeferCleanup = true, WaitingForCache = WaitingForCache };
        var result = await BuildProgress.RunAsync(options, settings.Format == "text", cancellationToken);
        if (result.Refusal is { } refusal)
        {
            // Nothing was read, written, moved or deleted: a usage error, not a content error.
            Console.Error.WriteLine($"kneeguide build: {refusal}.");
            return Program.UsageOrInternalError;
        }

        BuildReport.Write(result, settings.Format, SiteBuilder.DisplayPath(settings.Output));
        if ((settings.Timings || settings.Verbose) && settings.Format == "text")
        {
            BuildProgress.WriteTimings(result);
        }
        return result.Published ? Program.Success : Program.ContentErrors;
    }

    /// <summary>Says why the build has not started yet: another build or preview of this project holds its cache.</summary>
    internal static void WaitingForCache(int process) =>
        Console.Error.WriteLine($"kneeguide: waiting for another KneeGuide build or preview of this project (process {process}) to finish with .kneeguide/cache/; stop it or wait.");
}
