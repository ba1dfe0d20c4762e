using System.CommandLine;
using Google.Protobuf;

namespace AssetAuction.Cli;

/// <summary>The paging options of a list command: one page by default (the next page's token is
/// printed on stderr), or --all pages merged into one answer.</summary>
internal sealed class Paging
{
    public Option<int> PageSize { get; } = new("--page-size") { Description = "Items per page (the service's default is 50, at most 500)." };

    public Option<string?> PageToken { get; } = new("--page-token") { Description = "The token printed after the previous page." };

    public Option<bool> All { get; } = new("--all") { Description = "Fetch every page." };

    public IEnumerable<Symbol> Symbols => [PageSize, PageToken, All];

    /// <summary>Calls <paramref name="call"/> with (page size, page token) until done, and gives one response holding every item read.</summary>
    public async Task<TResponse> ReadAsync<TResponse>(CommandContext context, Func<int, string, Task<TResponse>> call)
        where TResponse : IMessage<TResponse>
    {
        var all = context.Value(All);
        var response = await call(context.Value(PageSize), context.Value(PageToken) ?? "");
        var nextField = response.Descriptor.FindFieldByName("next_page_token");
        var next = (string)nextField.Accessor.GetValue(response);
        while (all && next.Length > 0)
        {
            var page = await call(context.Value(PageSize), next);
            next = (string)nextField.Accessor.GetValue(page);

            // MergeFrom appends repeated fields; the token is set by hand (an empty string would not overwrite).
            response.MergeFrom(page);
            nextField.Accessor.SetValue(response, next);
        }

        if (next.Length > 0 && context.Printer.Format != "json")
        {
            context.Printer.Note($"More results: --page-token {next} (or --all).");
        }

        return response;
    }
}
