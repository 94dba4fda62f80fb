using KneeGuide.Core;
using KneeGuide.Site.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KneeGuide.Site.Content;

/// <summary>Parses YAML text to a node tree, turning syntax errors into diagnostics at the file's line.</summary>
public static class YamlText
{
    public static YamlNode? Parse(string yaml, string file, int lineOffset, DiagnosticBag diagnostics)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0)
            {
                return null;
            }

            return stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            var message = e.InnerException is { } inner && inner.Message.Length > 0 ? inner.Message : e.Message;
            // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: ...) - (...): "; the position is in the location already.
            var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
            if (message.StartsWith("(Line", StringComparison.Ordinal) && cut >= 0)
            {
                message = message[(cut + 3)..];
            }

            var code = message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase) ? ErrorCodes.DuplicateKey : ErrorCodes.MalformedYaml;
            diagnostics.Add(Diagnostic.Error(code, new SourceLocation(file, (int)e.Start.Line + lineOffset, (int)e.Start.Column), $"malformed YAML: {message.TrimEnd('.')}"));
            return null;
        }
    }
}
