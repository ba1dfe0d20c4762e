namespace AssetAuction.Cli.Output;

/// <summary>One block of output: a titled table, or a list of fields (two columns: field, value).</summary>
internal sealed record Section(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, bool IsFields = false)
{
    public static Section Table<T>(string title, IEnumerable<T> items, params (string Header, Func<T, string> Value)[] columns) =>
        new(title, columns.Select(c => c.Header).ToList(), items.Select(item => (IReadOnlyList<string>)columns.Select(c => c.Value(item)).ToList()).ToList());

    public static Section Fields(string title, params (string Field, string Value)[] fields) =>
        new(title, ["field", "value"], fields.Select(f => (IReadOnlyList<string>)[f.Field, f.Value]).ToList(), IsFields: true);
}
