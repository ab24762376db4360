namespace Halyard.Core.Model;

/// <summary>How an account holds positions: fully paid (cash) or on margin.</summary>
public enum AccountType
{
    Cash = 1,
    Margin = 2,
}
