using System.ComponentModel;
using KneeGuide.Site.Schema;
using Spectre.Console.Cli;

namespace KneeGuide.Cli.Commands;

/// <summary><c>kneeguide new article|mobility|exercise &lt;slug&gt;</c>: a new content file that builds as it is.</summary>
public sealed class NewCommand : Command<NewCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<KIND>")]
        [Description("article, mobility or exercise.")]
        public string Kind { get; init; } = "";

        [CommandArgument(1, "<SLUG>")]
        [Description("File name without .md, which is also the page's URL: lower-case words joined by hyphens, e.g. knee-taping.")]
        public string Slug { get; init; } = "";

        [CommandOption("-i|--input <DIR>")]
        [Description("The content folder (default: input).")]
        [DefaultValue("input")]
        public string Input { get; init; } = "input";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!FrontMatterScaffold.Kinds.TryGetValue(settings.Kind, out var kind))
        {
            return Refuse($"unknown kind '{settings.Kind}': use article, mobility or exercise");
        }

        if (!FrontMatterScaffold.IsValidSlug(settings.Slug))
        {
            return Refuse($"'{settings.Slug}' is not a valid slug: use lower-case letters, digits and single hyphens, e.g. knee-taping");
        }

        if (!Directory.Exists(settings.Input))
        {
            return Refuse($"the input folder '{settings.Input}' does not exist");
        }

        var relative = $"{FrontMatterScaffold.FolderOf(kind)}/{settings.Slug}.md";
        var path = Path.Combine(settings.Input, relative);
        var shown = $"{Site.SiteBuilder.DisplayPath(settings.Input)}/{relative}";
        if (File.Exists(path))
        {
            return Refuse($"{shown} already exists: choose another slug or edit that file");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            // CreateNew: never overwrite, even if the file appeared since the check above.
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
            writer.Write(FrontMatterScaffold.Create(kind, settings.Slug, Site.ReviewGovernance.ReviewPolicy.RealToday()));
        }
        catch (IOException e)
        {
            return Refuse($"could not create {shown}: {e.Message}");
        }

        Console.Out.WriteLine($"created {shown}: fill in the front matter (every key is explained in its comment), then run 'kneeguide serve' to preview.");
        return Program.Success;
    }

    private static int Refuse(string message)
    {
        Console.Error.WriteLine($"kneeguide new: {message}");
        return Program.ContentErrors;
    }
}
