namespace AssetAuction.Benchmarks;

/// <summary>The command-line options of the benchmark verbs: <c>--name value</c> pairs.</summary>
internal static class ToolArgs
{
    /// <summary>The value after <c>--name</c>, or <paramref name="fallback"/>.</summary>
    public static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, "--" + name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    /// <summary>The <c>--url</c> of the running service a verb drives, or null (with the reason printed) when it is not on this machine.</summary>
    public static Uri? LoopbackUrl(string[] args, string tool)
    {
        var url = new Uri(Option(args, "url", "http://localhost:5080"));
        if (!url.IsLoopback)
        {
            Console.Error.WriteLine($"The {tool} only targets this machine (loopback).");
            return null;
        }

        return url;
    }
}
