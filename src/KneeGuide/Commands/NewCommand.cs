using System.ComponentModel;
using KneeGuide.Site.Schema;
using Spectre.Console.Cli;

namespace KneeGuide.Cli.Commands;

/// <summary>
/// <c>kneeguide new article|mobility|exercise "Title or slug"</c>: a new content file that builds as it
/// is, as a draft (the preview shows it, the published site leaves it out until the editor removes
/// <c>draft: true</c>), as Hugo's archetypes do.
/// </summary>
public sealed class NewCommand : Command<NewCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<KIND>")]
        [Description("article, mobility or exercise.")]
        public string Kind { get; init; } = "";

        [CommandArgument(1, "<NAME>")]
        [Description("The page's title, e.g. \"Knee Taping\" (its file becomes knee-taping.md), or the slug itself: lower-case words joined by hyphens, which is also the page's address.")]
        public string Name { get; init; } = "";

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

        var (slug, title) = FrontMatterScaffold.Name(settings.Name);
        if (slug.Length == 0)
        {
            return Refuse($"'{settings.Name}' has no letters or digits to make a file name from: give the page's title, e.g. \"Knee taping\"");
        }

        if (!Directory.Exists(settings.Input))
        {
            return Refuse($"the input folder '{settings.Input}' does not exist");
        }

        var relative = $"{FrontMatterScaffold.FolderOf(kind)}/{slug}.md";
        var path = Path.Combine(settings.Input, relative);
        var shown = $"{Site.SiteBuilder.DisplayPath(settings.Input)}/{relative}";
        if (File.Exists(path))
        {
            return Refuse($"{shown} already exists: choose another title or edit that file");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            // CreateNew: never overwrite, even if the file appeared since the check above.
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
            writer.Write(FrontMatterScaffold.Create(kind, slug, title, Site.ReviewGovernance.ReviewPolicy.RealToday()));
        }
        catch (IOException e)
        {
            return Refuse($"could not create {shown}: {e.Message}");
        }

        Console.Out.WriteLine($"created {shown} as a draft: fill in the front matter (every key is explained in its comment), preview it with '{CommandLine.Invocation} serve', and remove 'draft: true' to publish it.");
        return Program.Success;
    }

    private static int Refuse(string message)
    {
        Console.Error.WriteLine($"kneeguide new: {message}");
        return Program.ContentErrors;
    }
}
