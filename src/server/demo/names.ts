// Plausible names by country of origin for demo citizens (fictitious people).
export type Origin = 'SY' | 'ER' | 'IR' | 'AF' | 'SO' | 'TR' | 'IQ' | 'UA';

export const ORIGINS: readonly (readonly [Origin, number])[] = [
  ['SY', 30], ['ER', 20], ['IR', 8], ['AF', 12], ['SO', 8], ['TR', 6], ['IQ', 6], ['UA', 10],
];

/** The citizen's own language (when not Danish) by origin. */
export const ORIGIN_LANGUAGE: Record<Origin, 'ar' | 'ti' | 'fa' | 'so' | 'en'> = {
  SY: 'ar', ER: 'ti', IR: 'fa', AF: 'fa', SO: 'so', TR: 'en', IQ: 'ar', UA: 'en',
};

interface NameSet { F: readonly string[]; M: readonly string[]; last: readonly string[] }

export const NAMES: Record<Origin, NameSet> = {
  SY: { F: ['Amira', 'Rasha', 'Lama', 'Hala', 'Nour', 'Reem', 'Dima', 'Yasmin', 'Rana', 'Salma'], M: ['Ahmad', 'Mohammad', 'Khaled', 'Omar', 'Yousef', 'Hassan', 'Bassel', 'Tarek', 'Fadi', 'Samer'], last: ['Al-Hassan', 'Haddad', 'Khalil', 'Darwish', 'Nasser', 'Saleh', 'Hamdan', 'Ibrahim', 'Jaber', 'Mansour'] },
  ER: { F: ['Semhar', 'Helen', 'Senait', 'Luwam', 'Yordanos', 'Selam', 'Feven', 'Ruta'], M: ['Yonas', 'Tesfay', 'Dawit', 'Filmon', 'Amanuel', 'Habtom', 'Merhawi', 'Samuel'], last: ['Tesfamariam', 'Ghebremedhin', 'Haile', 'Tekle', 'Berhane', 'Kidane', 'Woldu', 'Mehari'] },
  IR: { F: ['Maryam', 'Leila', 'Shirin', 'Parisa', 'Niloufar', 'Zahra'], M: ['Ali', 'Reza', 'Hossein', 'Mehdi', 'Amir', 'Babak'], last: ['Hosseini', 'Ahmadi', 'Karimi', 'Rahimi', 'Moradi', 'Jafari'] },
  AF: { F: ['Fatima', 'Zarifa', 'Mina', 'Nadia', 'Shabnam', 'Farzana'], M: ['Mohammad', 'Abdul', 'Sayed', 'Najib', 'Farid', 'Rahim'], last: ['Ahmadzai', 'Popal', 'Stanikzai', 'Sultani', 'Noori', 'Rahimi'] },
  SO: { F: ['Hodan', 'Faadumo', 'Ayaan', 'Sahra', 'Hibo', 'Ifrah'], M: ['Abdi', 'Mohamed', 'Abdirahman', 'Hassan', 'Farah', 'Yusuf'], last: ['Warsame', 'Abdullahi', 'Hussein', 'Ali', 'Osman', 'Jama'] },
  TR: { F: ['Elif', 'Zeynep', 'Ayşe', 'Emine', 'Fatma'], M: ['Mehmet', 'Mustafa', 'Emre', 'Burak', 'Hüseyin'], last: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik'] },
  IQ: { F: ['Zainab', 'Huda', 'Noor', 'Sara', 'Shaima'], M: ['Ali', 'Haider', 'Mustafa', 'Karrar', 'Ammar'], last: ['Al-Obaidi', 'Al-Jubouri', 'Kadhim', 'Hamid', 'Abbas'] },
  UA: { F: ['Olena', 'Iryna', 'Tetiana', 'Kateryna', 'Oksana'], M: ['Oleksandr', 'Andrii', 'Dmytro', 'Serhii', 'Volodymyr'], last: ['Kovalenko', 'Shevchenko', 'Bondarenko', 'Tkachenko', 'Melnyk'] },
};
