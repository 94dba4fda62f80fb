using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KneeGuide.Site.Cms;

namespace KneeGuide.Cli.Preview;

/// <summary>
/// Decap CMS's <c>local_backend</c> protocol (docs/cms-research.md section 4), answered by `serve`
/// itself, so an editor can use /admin/ on the preview with no account: the CMS posts one JSON
/// request per action to <see cref="Address"/> and the answer is JSON. Every path goes through
/// <see cref="ContentPathGuard"/> before anything is read or written, and every path of a request is
/// checked before its first write. Files are written to a hidden temporary name beside them and
/// renamed over, so the preview's watcher never builds half a file. Nothing but the entries and
/// images the editor saves or deletes through the CMS is ever written or removed, and an existing
/// file is replaced only by saving that entry (a new entry or upload never replaces one).
/// The build then checks the saved files as it checks every file: its errors appear in the
/// preview's overlay and the terminal.
/// </summary>
public sealed class LocalBackend(ContentPathGuard guard)
{
    public const string Address = "/api/v1";

    /// <summary>The largest request accepted: a photo or two, base64-encoded.</summary>
    public const int MaxRequestBytes = 64 * 1024 * 1024;

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public ContentPathGuard Guard => guard;

    /// <summary>Answers one request body: (HTTP status, JSON body). Refusals are 422 with <c>{"error": "..."}</c>.</summary>
    public (int Status, byte[] Body) Handle(ReadOnlySpan<byte> body)
    {
        try
        {
            var request = JsonNode.Parse(body) as JsonObject ?? throw new BackendRefusal("the request is not a JSON object");
            var action = request["action"]?.GetValue<string>() ?? throw new BackendRefusal("the request names no action");
            var parameters = request["params"] as JsonObject ?? [];
            JsonNode? answer = action switch
            {
                "info" => Info(),
                "entriesByFolder" => EntriesByFolder(parameters),
                "entriesByFiles" => EntriesByFiles(parameters),
                "getEntry" => Entry(Text(parameters, "path"), null),
                "persistEntry" => PersistEntry(parameters),
                "getMedia" => GetMedia(parameters),
                "getMediaFile" => MediaFile(Text(parameters, "path")),
                "persistMedia" => PersistMedia(parameters),
                "deleteFiles" => DeleteFiles(parameters),
                "getDeployPreview" => null,
                _ => throw new BackendRefusal($"unknown action '{action}': the preview's web editor saves in place (no editorial workflow)"),
            };
            return (200, Encode(answer));
        }
        catch (BackendRefusal refusal)
        {
            return (422, Encode(new JsonObject { ["error"] = refusal.Message }));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            return (422, Encode(new JsonObject { ["error"] = "malformed request: " + e.Message }));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (500, Encode(new JsonObject { ["error"] = "could not read or write the file: " + e.Message }));
        }
    }

    private JsonObject Info() => new()
    {
        ["repo"] = guard.Layout.InputFolder,
        ["publish_modes"] = new JsonArray("simple"),
        ["type"] = "local_fs",
    };

    private JsonArray EntriesByFolder(JsonObject parameters)
    {
        var folderPath = Text(parameters, "folder");
        var folder = guard.ResolveFolder(folderPath, media: false);
        var extension = parameters["extension"]?.GetValue<string>() ?? "md";
        var entries = new JsonArray();
        if (!Directory.Exists(folder))
        {
            return entries;
        }

        foreach (var name in Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>().Where(n => n.EndsWith("." + extension, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            if (TryResolve($"{folderPath}/{name}") is { Use: ContentUse.Entry } entry && File.Exists(entry.FullPath))
            {
                var bytes = File.ReadAllBytes(entry.FullPath);
                entries.Add(new JsonObject { ["data"] = Utf8NoBom.GetString(bytes), ["file"] = new JsonObject { ["path"] = $"{folderPath}/{name}", ["id"] = Id(bytes) } });
            }
        }

        return entries;
    }

    private JsonArray EntriesByFiles(JsonObject parameters)
    {
        var result = new JsonArray();
        foreach (var file in parameters["files"] as JsonArray ?? [])
        {
            result.Add(Entry(file?["path"]?.GetValue<string>(), file?["label"]?.GetValue<string>()));
        }

        return result;
    }

    /// <summary>One entry or settings file; a file that does not exist (the CMS asks before creating one) is data null, not an error.</summary>
    private JsonObject Entry(string? path, string? label)
    {
        var (full, use) = guard.Resolve(path);
        if (use == ContentUse.Media)
        {
            throw new BackendRefusal($"'{path}' is an image, not an entry");
        }

        var file = new JsonObject { ["path"] = path };
        if (label is not null)
        {
            file["label"] = label;
        }

        if (!File.Exists(full))
        {
            file["id"] = null;
            return new JsonObject { ["data"] = null, ["file"] = file };
        }

        var bytes = File.ReadAllBytes(full);
        file["id"] = Id(bytes);
        return new JsonObject { ["data"] = Utf8NoBom.GetString(bytes), ["file"] = file };
    }

    private JsonObject PersistEntry(JsonObject parameters)
    {
        var dataFiles = parameters["dataFiles"] as JsonArray ?? (parameters["entry"] is JsonObject single ? [single.DeepClone()] : throw new BackendRefusal("nothing to save: the request has no dataFiles"));
        var newEntry = parameters["options"]?["newEntry"]?.GetValue<bool>() ?? false;
        var writes = new List<(string Full, byte[] Bytes, bool MayReplace, string Path)>();
        var renames = new List<(string From, string To)>();
        foreach (var data in dataFiles.OfType<JsonObject>())
        {
            var path = Text(data, "path");
            var (full, use) = guard.Resolve(path);
            if (use == ContentUse.Media)
            {
                throw new BackendRefusal($"'{path}' is an image, not an entry");
            }

            var raw = data["raw"]?.GetValue<string>() ?? throw new BackendRefusal($"nothing to save for '{path}'");
            var target = full;
            if (data["newPath"]?.GetValue<string>() is { } newPath && newPath != path)
            {
                var (newFull, newUse) = guard.Resolve(newPath);
                if (newUse != use || Path.GetDirectoryName(newFull) != Path.GetDirectoryName(full))
                {
                    throw new BackendRefusal($"'{path}' can only be renamed within its own folder");
                }

                if (File.Exists(newFull))
                {
                    throw new BackendRefusal($"'{newPath}' already exists: choose another title or file name");
                }

                renames.Add((full, newFull));
                target = newFull;
            }

            writes.Add((target, Utf8NoBom.GetBytes(raw), MayReplace: !newEntry, Path: path));
        }

        foreach (var asset in parameters["assets"] as JsonArray ?? [])
        {
            var (full, bytes, path) = Asset(asset as JsonObject);
            writes.Add((full, bytes, MayReplace: false, path));
        }

        // Every path is checked before the first write: a refused request writes nothing.
        foreach (var (full, bytes, mayReplace, path) in writes)
        {
            if (!mayReplace && File.Exists(full) && !File.ReadAllBytes(full).AsSpan().SequenceEqual(bytes))
            {
                throw new BackendRefusal($"'{path}' already exists: a new entry or upload never replaces a file; choose another name");
            }
        }

        foreach (var (full, bytes, _, _) in writes)
        {
            WriteReplacing(full, bytes);
        }

        foreach (var (from, _) in renames)
        {
            File.Delete(from);
        }

        return new JsonObject { ["message"] = "entry persisted" };
    }

    private JsonArray GetMedia(JsonObject parameters)
    {
        var folderPath = Text(parameters, "mediaFolder");
        var folder = guard.ResolveFolder(folderPath, media: true);
        var media = new JsonArray();
        if (!Directory.Exists(folder))
        {
            return media;
        }

        foreach (var name in Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal))
        {
            // credits.yml and anything else that is not an image stays out of the media library.
            if (TryResolve($"{folderPath}/{name}") is { Use: ContentUse.Media } image && File.Exists(image.FullPath))
            {
                media.Add(MediaObject($"{folderPath}/{name}", File.ReadAllBytes(image.FullPath)));
            }
        }

        return media;
    }

    private JsonObject MediaFile(string path)
    {
        var (full, use) = guard.Resolve(path);
        if (use != ContentUse.Media)
        {
            throw new BackendRefusal($"'{path}' is not an image");
        }

        return File.Exists(full) ? MediaObject(path, File.ReadAllBytes(full)) : throw new BackendRefusal($"'{path}' does not exist");
    }

    private JsonObject PersistMedia(JsonObject parameters)
    {
        var (full, bytes, path) = Asset(parameters["asset"] as JsonObject);
        if (File.Exists(full) && !File.ReadAllBytes(full).AsSpan().SequenceEqual(bytes))
        {
            throw new BackendRefusal($"'{path}' already exists: an upload never replaces an image; rename the file before uploading it");
        }

        WriteReplacing(full, bytes);
        return MediaObject(path, bytes);
    }

    private JsonObject DeleteFiles(JsonObject parameters)
    {
        var paths = (parameters["paths"] as JsonArray ?? []).Select(p => p?.GetValue<string>()).ToList();
        var resolved = paths.Select(p => (Path: p, Target: guard.Resolve(p))).ToList();
        foreach (var (path, (_, use)) in resolved)
        {
            if (use == ContentUse.File)
            {
                throw new BackendRefusal($"'{path}' is a settings file: it can be edited, not deleted");
            }
        }

        foreach (var (_, (full, _)) in resolved)
        {
            File.Delete(full); // a file already gone is not an error
        }

        return new JsonObject { ["message"] = "deleted files " + string.Join(", ", paths) };
    }

    private (string Full, byte[] Bytes, string Path) Asset(JsonObject? asset)
    {
        var path = Text(asset ?? throw new BackendRefusal("the request has no asset"), "path");
        var (full, use) = guard.Resolve(path);
        if (use != ContentUse.Media)
        {
            throw new BackendRefusal($"'{path}' is not an image in the images folder: uploads are images only");
        }

        var content = asset["content"]?.GetValue<string>() ?? throw new BackendRefusal($"no content for '{path}'");
        var bytes = asset["encoding"]?.GetValue<string>() == "base64" ? Convert.FromBase64String(content) : Utf8NoBom.GetBytes(content);
        return (full, bytes, path);
    }

    private (string FullPath, ContentUse Use)? TryResolve(string path)
    {
        try
        {
            return guard.Resolve(path);
        }
        catch (BackendRefusal)
        {
            return null; // a junk file or a symbolic link in the folder is left out of the list, not an error for the whole list
        }
    }

    /// <summary>Written beside the target under a hidden name (ignored by the build) and renamed over it.</summary>
    private static void WriteReplacing(string full, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.kneeguide-saving");
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private static JsonObject MediaObject(string path, byte[] bytes) => new()
    {
        ["id"] = Id(bytes),
        ["content"] = Convert.ToBase64String(bytes),
        ["encoding"] = "base64",
        ["path"] = path,
        ["name"] = path[(path.LastIndexOf('/') + 1)..],
    };

    private static string Id(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string Text(JsonObject parameters, string name) =>
        parameters[name]?.GetValue<string>() ?? throw new BackendRefusal($"the request has no '{name}'");

    private static byte[] Encode(JsonNode? node) => Utf8NoBom.GetBytes(node?.ToJsonString() ?? "null");
}
