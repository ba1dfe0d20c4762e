namespace AssetAuction.Domain.Assets;

public enum EncumbranceType
{
    Unspecified = 0,
    Mortgage = 1,
    Pledge = 2,
    Other = 3,
}

/// <summary>
/// A right on the asset securing an obligation. A secured creditor is paid first from the
/// proceeds of its own collateral (LTHADS art. 47.1; ND62 art. 49).
/// </summary>
public sealed class Encumbrance
{
    public EncumbranceType Type { get; init; }

    public Party SecuredParty { get; init; } = new();

    public string SecuredObligation { get; init; } = "";

    /// <summary>Amount secured in dong; 0 when the instrument does not state one.</summary>
    public long SecuredAmount { get; init; }

    public string RegistrationNumber { get; init; } = "";

    public DateOnly? RegistrationDate { get; init; }
}
