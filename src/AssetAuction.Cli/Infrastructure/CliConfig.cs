using System.Text.Json;

namespace AssetAuction.Cli;

/// <summary>
/// The optional config file: <c>$ASSETAUCTION_CONFIG</c>, else <c>$XDG_CONFIG_HOME/assetauction/config.json</c>,
/// else <c>~/.config/assetauction/config.json</c>, holding <c>{"server": "...", "token": "..."}</c>.
/// Command-line options win over environment variables, which win over the file.
/// </summary>
internal sealed record CliConfig(string? Server, string? Token)
{
    public static CliConfig Load(CliHost host)
    {
        var path = PathFor(host);
        if (path is null || !File.Exists(path))
        {
            return new CliConfig(null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            string? Read(string name) => document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            return new CliConfig(Read("server"), Read("token"));
        }
        catch (JsonException e)
        {
            throw new UsageException($"The config file {path} is not valid JSON: {e.Message}");
        }
    }

    private static string? PathFor(CliHost host)
    {
        var explicitPath = host.Environment("ASSETAUCTION_CONFIG");
        if (!string.IsNullOrEmpty(explicitPath))
        {
            return explicitPath;
        }

        var configHome = host.Environment("XDG_CONFIG_HOME");
        if (string.IsNullOrEmpty(configHome))
        {
            var home = host.Environment("HOME") ?? host.Environment("USERPROFILE");
            if (string.IsNullOrEmpty(home))
            {
                return null;
            }

            configHome = Path.Combine(home, ".config");
        }

        return Path.Combine(configHome, "assetauction", "config.json");
    }
}
