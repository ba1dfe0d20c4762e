using Google.Protobuf;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Backlog;

/// <summary>Parts of a record as the RPCs they come from take them.</summary>
internal static class ImportRecordParts
{
    /// <summary>The obligation of <paramref name="item"/> with the record's office and case filled in, secured by <paramref name="assetName"/> when it says so.</summary>
    public static V1.Obligation ObligationOf(V1.ImportObligation item, string office, string caseNumber, string assetName)
    {
        var obligation = item.Obligation.Clone();
        if (obligation.Office.Length == 0)
        {
            obligation.Office = office;
        }

        if (obligation.CaseNumber.Length == 0)
        {
            obligation.CaseNumber = caseNumber;
        }

        if (item.SecuredByThisAsset)
        {
            obligation.SecuredByAsset = assetName;
        }

        return obligation;
    }

    /// <summary>SHA-256 (hex) of the record without its line number: the same record on another line is the same record.</summary>
    public static string Digest(V1.ImportRecord record)
    {
        var copy = record.Clone();
        copy.Line = 0;
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(copy.ToByteArray()));
    }
}
