using AssetAuction.Service.Journal;
using AssetAuction.Service.Security;

namespace AssetAuction.Service.Backlog;

/// <summary>One ImportAssets call: who imports into which office, under which import, and whether it only checks.</summary>
public sealed record ImportSession(RequestContext Context, string ImportId, string Office, bool DryRun, string FileName, string FileSha256)
{
    /// <summary>`imports/{import_id}`: the name the audit trail and every imported history line carry.</summary>
    public string Name => "imports/" + ImportId;

    public Actor Actor => new(Context.Caller.Subject, Context.Caller.Role, Context.Caller.Scope);
}
