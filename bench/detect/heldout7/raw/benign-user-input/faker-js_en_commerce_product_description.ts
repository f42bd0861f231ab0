export const product_description: string[] = [
  'Ergonomic executive chair upholstered in bonded black leather and PVC padded seat and back for all-day comfort and support',
  'The automobile layout consists of a front-engine design, with transaxle-type transmissions mounted at the rear of the engine and four wheel drive',
  'New ABC 13 9370, 13.3, 5th Gen CoreA5-8250U, 8GB RAM, 256GB SSD, power UHD Graphics, OS 10 Home, OS Office A & J 2016',
  'The slim & simple Maple Gaming Keyboard from Dev Byte comes with a sleek body and 7- Color RGB LED Back-lighting for smart functionality',
  'The Apollotech B340 is an affordable wireless mouse with reliable connectivity, 12 months battery life and modern design',
  'The Nagasaki Lander is the trademarked name of several series of Nagasaki sport bikes, that started with the 1984 ABC800J',
  'The Football Is Good For Training And Recreational Purposes',
  'Carbonite web goalkeeper gloves are ergonomically designed to give easy fit',
  "Boston's most advanced compression wear technology increases muscle oxygenation, stabilizes active muscles",
  'New range of formal shirts are designed keeping you in mind. With fits and styling that will make you stand apart',
  'The beautiful range of Apple Naturalé that has an exciting mix of natural ingredients. With the Goodness of 100% Natural Ingredients',
  'Andy shoes are designed to keeping in mind durability as well as trends, the most stylish range of shoes & sandals',
];
