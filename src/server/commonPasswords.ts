/**
 * Some of the most common passwords of public breach corpora (lower-cased), with an emphasis on
 * the ones long enough to pass a length rule of 8 to 16 characters. The policy compares the
 * lower-cased candidate against this list. Small on purpose: it stops the obvious ones; length
 * does the rest (NIST SP 800-63B).
 *
 * @example
 * ```ts
 * COMMON_PASSWORDS.has('password1234'); // true
 * ```
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  `
123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball abc123
football monkey letmein 696969 shadow master 666666 qwertyuiop 123321 mustang 1234567890 michael
654321 superman 1qaz2wsx 7777777 121212 000000 qazwsx 123qwe killer trustno1 jordan jennifer zxcvbnm
asdfgh hunter buster soccer harley batman andrew tigger sunshine iloveyou 2000 charlie robert thomas
hockey ranger daniel starwars klaster 112233 george computer michelle jessica pepper 1111 zxcvbn
555555 11111111 131313 freedom 777777 pass maggie 159753 aaaaaa ginger princess joshua cheese amanda
summer love ashley nicole chelsea biteme matthew access yankees 987654321 dallas austin thunder taylor
matrix minecraft william corvette hello martin heather secret merlin diamond 1234qwer gfhjkm hammer
silver 222222 88888888 anthony justin test bailey q1w2e3r4t5 patrick internet scooter orange 11111
golfer cookie richard samantha bigdog guitar jackson whatever mickey chicken sparky snoopy maverick
phoenix camaro peanut morgan welcome falcon cowboy ferrari samsung andrea smokey steelers joseph
mercedes dakota arsenal eagles melissa boomer booboo spider nascar monster tigers yellow xxxxxx
123123123 gateway marina diablo bulldog qwer1234 compaq purple hardcore banana junior hannah 123654
porsche lakers iceman money cowboys 987654 london tennis 999999 ncc1701 coffee scooby 0000 miller
boston q1w2e3r4 brandon yamaha chester mother forever johnny edward 333333 oliver redsox player
nikita knight fender barney midnight please brandy chicago badboy slayer rangers charles angel
flower bigdaddy rabbit wizard bigdick jasper enter rachel chris steven winner adidas victoria
natasha 1q2w3e4r jasmine winter prince panties marine ghbdtn fishing cocacola casper james 232323
raiders 888888 marlboro gandalf asdfasdf crystal 87654321 12344321 golden 8675309 blowme
password1 password12 password123 password1234 password12345 password123456 password! password1!
passw0rd p@ssw0rd p@ssword pa55word pa$$word passwort passwort123 motdepasse contrasena
qwerty123 qwerty1234 qwerty12345 qwerty123456 qwertyuiop123 qwertyuiop1234 qwerty123! qwertyui
qwertyuiopasdfghjkl qwertyuiopasdfghjklzxcvbnm 1q2w3e4r5t 1q2w3e4r5t6y 1q2w3e4r5t6y7u8i9o0p
1qaz2wsx3edc 1qazxsw2 zaq12wsx zaq1zaq1 asdfghjkl asdfghjkl123 asdf1234 asdfqwer zxcvbnm123
abcd1234 abc12345 abc123456 abcdef abcdefg abcdefgh abcdefghi abcdefghij abcdefghijkl abcdefg123
1234567891 12345678910 123456789a 123456789q 0123456789 01234567890 1234512345 123456123456
12341234 123412341234 11223344 1122334455 111222333 112233445566 121212121212 123123123123
00000000 000000000 0000000000 000000000000 1111111111 111111111111 123456654321 147258369
159357 1472583690 9876543210 987654321012 741852963 qwe123 qweasd qweasdzxc qweasdzxc123 qazwsxedc
qazwsxedc123 1qaz2wsx3edc4rfv iloveyou1 iloveyou12 iloveyou123 iloveyou1234 iloveyou2 loveyou
letmein1 letmein123 letmein1234 welcome1 welcome12 welcome123 welcome1234 welcome2024 welcome2025
welcome2026 admin admin1 admin12 admin123 admin1234 admin12345 administrator administrator1 root
toor changeme changeme1 changeme123 default guest user test123 test1234 testing testing123
trustno1234 sunshine1 sunshine123 princess1 princess123 football1 football123 baseball1
baseball123 monkey123 dragon123 master123 shadow123 superman123 batman123 michael123 jordan23
liverpool liverpool1 chelsea1 arsenal1 manchester barcelona realmadrid juventus starwars1
pokemon pokemon123 naruto naruto123 minecraft1 minecraft123 fortnite roblox roblox123 spiderman
ironman avengers harrypotter hogwarts jessica1 ashley1 michelle1 nicole1 daniel1 andrew1
unknown computer1 internet1 zxcvbnm1 zxcvbnmasdfghjkl 1234qwer1234 qwer1234qwer asdf1234asdf
aa123456 aa12345678 a123456 a12345678 a123456789 q123456 q12345678 qq123456 qwe123456 123abc
123qweasd 123qweasdzxc 123456qwerty qwerty123456789 football2024 summer2024 summer2025 winter2024
winter2025 spring2025 autumn2025 password2024 password2025 password2026 company123 secret123
correcthorsebatterystaple trustno1trustno1 letmeinletmein
passwordpassword passwordpassword1 password1password1 iloveyouiloveyou qwertyqwerty qwertyqwerty1
123456789123 1234567890123 12345678901234 123456789012345 1234567890qwerty qwertyuiop1 1qaz!qaz
!qaz2wsx !qaz@wsx #edc4rfv p@ssw0rd1 p@ssw0rd123 p@$$w0rd pa$$w0rd passw0rd1 passw0rd123 Password1
`
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .concat(['correct horse battery staple', 'i love you', 'let me in', 'open sesame'])
    .map((word) => word.toLowerCase()),
);
