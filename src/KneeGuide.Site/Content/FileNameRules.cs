using KneeGuide.Core;
using KneeGuide.Site.Diagnostics;

namespace KneeGuide.Site.Content;

/// <summary>
/// File names become addresses: a page's file name is its slug, an image's is its URL. Names that
/// differ only in letter case are one file on macOS and Windows (a clone there loses one of them);
/// capitals and spaces make ugly, easily mistyped addresses; an invisible character makes a name
/// that looks right and matches nothing.
/// </summary>
internal static class FileNameRules
{
    public static void Check(SourceCatalog catalog, DiagnosticBag diagnostics)
    {
        foreach (var group in catalog.Files.GroupBy(f => f.ToLowerInvariant(), StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var names = group.Order(StringComparer.Ordinal).ToList();
            foreach (var name in names.Skip(1))
            {
                diagnostics.Add(Diagnostic.Error(
                    ErrorCodes.CaseClash,
                    SourceLocation.InFile(catalog.Display(name)),
                    $"'{name}' and '{names[0]}' differ only in capital letters: on macOS and Windows they are the same file, and a clone there keeps only one. Rename or delete one of them"));
            }
        }

        foreach (var file in catalog.Files)
        {
            var kind = catalog.KindOf(file);
            if (kind is ContentKind.SiteConfig or ContentKind.Credits or ContentKind.VideoCredits or ContentKind.StaticFile)
            {
                continue;
            }

            var name = Path.GetFileName(file);
            var stem = Path.GetFileNameWithoutExtension(name);
            var hidden = InvisibleCharacters.IndexOf(name);
            if (hidden >= 0)
            {
                diagnostics.Add(Diagnostic.Error(
                    ErrorCodes.InvisibleCharacter,
                    SourceLocation.InFile(catalog.Display(file)),
                    $"the file name '{InvisibleCharacters.Clean(name)}' has {InvisibleCharacters.Name(name[hidden])} in it (character {hidden + 1}), so links typed by hand never match it: rename the file, retyping the name"));
                continue;
            }

            if (stem.Any(c => char.IsUpper(c) || char.IsWhiteSpace(c)) && FrontMatterValueRules.Slugify(stem) is { Length: > 0 } slug)
            {
                var better = slug + Path.GetExtension(name).ToLowerInvariant();
                diagnostics.Add(Diagnostic.Warning(
                    ErrorCodes.FileNameStyle,
                    SourceLocation.InFile(catalog.Display(file)),
                    $"the file name '{name}' has capitals or spaces, and becomes the address of the {(kind == ContentKind.Image ? "image" : "page")}: rename it to '{better}'",
                    better));
            }
        }
    }
}
